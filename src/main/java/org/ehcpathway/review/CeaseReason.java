package org.ehcpathway.review;

import java.util.Arrays;
import java.util.Optional;
import org.ehcpathway.workflow.InvalidInputException;

/**
 * Why a plan ceased, as SEN2 codes it ({@code ceasereasontype} in DfE's 2024 schema; {@code ehc_plan.cease_reason}
 * holds the code). The texts are the schema's own, and the review outcome form shows them as they are.
 */
public enum CeaseReason {
  REACHED_MAXIMUM_AGE("1", "Reached maximum age"),
  NEEDS_MET_WITHOUT_A_PLAN("2", "Ongoing educational or training needs being met without an EHC plan"),
  HIGHER_EDUCATION("3", "Moved on to higher education"),
  PAID_EMPLOYMENT("4", "Moved on to paid employment, excluding apprenticeships"),
  TRANSFERRED_TO_ANOTHER_LA("5", "Transferred to another LA"),
  NO_LONGER_WISHES_TO_ENGAGE("6", "Young person no longer wishes to engage in education"),
  MOVED_ABROAD("7", "Child or young person has moved abroad"),
  DECEASED("8", "Child or young person deceased"),
  OTHER("9", "Other");

  private final String code;
  private final String sen2Text;

  CeaseReason(String code, String sen2Text) {
    this.code = code;
    this.sen2Text = sen2Text;
  }

  public String code() {
    return code;
  }

  public String sen2Text() {
    return sen2Text;
  }

  /**
   * Whether a review may decide it. A plan moving to another council is not ceased by a decision the family can
   * appeal: it is sent to the new council (reg 15), and ceases here with code 5 when it has been sent.
   */
  public boolean decidedAtReview() {
    return this != TRANSFERRED_TO_ANOTHER_LA;
  }

  /** The reason for a decision to cease given as {@code field}, refused with a message when it cannot be one. */
  public static CeaseReason forDecision(String field, String code) {
    CeaseReason reason = ofCode(code).orElseThrow(() -> new InvalidInputException(field,
        "is required when the plan ceases: an SEN2 cease reason, 1 to 4 or 6 to 9"));
    if (!reason.decidedAtReview()) {
      throw new InvalidInputException(field, "5 (transferred to another LA) is not a decision to cease: record the"
          + " move (POST /api/plans/{ref}/transfer-out), and the plan ceases here when it is sent");
    }
    return reason;
  }

  public static Optional<CeaseReason> ofCode(String code) {
    return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
  }
}
