package org.ehcpathway.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON of the wrong type is refused, not guessed at. Jackson's defaults would read {@code "requestSource": 2} as
 * the third source, {@code "requestReceivedDate": 24000} as a day counted from 1970, and {@code "reason": 42} as
 * the text "42"; each is now a 400 naming the field (ApiExceptionHandler). Only the API's own mapper: Camunda's
 * REST API and Spin have their own.
 */
@Configuration
class StrictJsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonTypes() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .postConfigurer(mapper -> {
          mapper.setDefaultLeniency(false);
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
  }
}
