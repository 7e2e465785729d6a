package cn.onething.licence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API shows of licences. */
public final class LicenceViews {

    private LicenceViews() {
    }

    public record LicenceView(String number, String licenceCode, String licenceName, String caseId, String bundleCode,
            String holderName, String holderCreditCode, String scope, String department, String departmentName,
            String supervisor, String supervisorName, LocalDate validFrom, LocalDate validUntil, LicenceStatus status,
            OffsetDateTime revokedAt, String revokedReason, List<String> replaces, Supervision supervision,
            OffsetDateTime issuedAt) {
    }

    /** The supervising department's report on the holder (审管联动). */
    public record Supervision(String result, String comment, String by, OffsetDateTime at) {
    }

    /** The public answer to a scanned QR code: whether the licence holds, and nothing about its holder. */
    public record Verification(String number, String licenceName, String departmentName, LicenceStatus status,
            LocalDate validFrom, LocalDate validUntil, String message) {
    }
}
