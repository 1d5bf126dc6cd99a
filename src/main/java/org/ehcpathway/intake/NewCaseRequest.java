package org.ehcpathway.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A request for an EHC needs assessment, as logged by a caseworker. */
public record NewCaseRequest(
    @NotNull(message = "is required") @Valid Child child,
    @NotNull(message = "is required (YYYY-MM-DD)") LocalDate requestReceivedDate,
    @NotNull(message = "is required; one of PARENT, YOUNG_PERSON, SCHOOL, HEALTH, SOCIAL_CARE, OTHER")
    RequestSource requestSource,
    @Email(message = "is not an email address") @Size(max = 254, message = "must be at most 254 characters")
    String familyEmail) {

  /** A child's name: letters, spaces, hyphens, apostrophes and full stops. */
  public static final String NAME = "^[\\p{L}][\\p{L}\\p{M} '’.-]*$";
  /** A UK postcode, in any case, with or without its space. */
  public static final String POSTCODE = "(?i)^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$";
  /** The SEN2 (DfE) ethnicity codes. */
  public static final String ETHNICITY = "WBRI|WIRI|WIRT|WOTH|WROM|MWBC|MWBA|MWAS|MOTH|AIND|APKN|ABAN|AOTH|BCRB|BAFR"
      + "|BOTH|CHNE|OOTH|REFU|NOBT";
  /** The SEN2 (DfE) types of special educational need. */
  public static final String SEN_TYPE = "SPLD|MLD|SLD|PMLD|SEMH|SLCN|HI|VI|MSI|PD|ASD|OTH";

  /** "ab12cd" -> "AB1 2CD": how every postcode is stored. */
  public static String normalisePostcode(String postcode) {
    String compact = postcode.replace(" ", "").toUpperCase(java.util.Locale.UK);
    return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
  }

  public record Child(
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
      @Pattern(regexp = NAME, message = "must be letters, spaces, hyphens or apostrophes") String forename,
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
      @Pattern(regexp = NAME, message = "must be letters, spaces, hyphens or apostrophes") String surname,
      @NotNull(message = "is required (YYYY-MM-DD)") LocalDate dateOfBirth,
      @NotNull(message = "is required; one of M, F, U") @Pattern(regexp = "M|F|U", message = "must be M, F or U")
      String sex,
      @NotBlank(message = "is required")
      @Pattern(regexp = POSTCODE, message = "is not a UK postcode")
      String postcode,
      @Pattern(regexp = "^[A-Z][0-9]{11}[0-9A-Z]$", message = "must be 13 characters: a letter, 11 digits, a digit or letter")
      String upn,
      @Pattern(regexp = ETHNICITY, message = "must be an SEN2 ethnicity code (WBRI, ..., REFU, NOBT)") String ethnicity,
      @Pattern(regexp = SEN_TYPE, message = "must be an SEN2 need type (SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, "
          + "PD, ASD, OTH)") String primaryNeed,
      @Pattern(regexp = SEN_TYPE, message = "must be an SEN2 need type (SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, "
          + "PD, ASD, OTH)") String secondaryNeed) {

    /** A child without the SEN2 details (ethnicity, needs), which are optional. */
    public Child(String forename, String surname, LocalDate dateOfBirth, String sex, String postcode, String upn) {
      this(forename, surname, dateOfBirth, sex, postcode, upn, null, null, null);
    }

    /** Never the child's details, whatever logs a request at DEBUG. */
    @Override
    public String toString() {
      return "Child[personal details withheld]";
    }
  }

  @Override
  public String toString() {
    return "NewCaseRequest[child=" + child + ", requestReceivedDate=" + requestReceivedDate + ", requestSource="
        + requestSource + ", familyEmail=" + (familyEmail == null ? "none" : "withheld") + "]";
  }
}
