package cn.onething.licence;

import java.time.OffsetDateTime;

/**
 * What the licence feature tells others, in the transaction that issued or revoked: supervision pushes
 * the licence to its supervisor (审管联动) and keeps the holder's credit.
 */
public final class LicenceEvents {

    private LicenceEvents() {
    }

    public record Issued(String number, String licenceName, String caseId, String holderId, String holderName,
            String creditCode, String department, String supervisor, int claimDays, OffsetDateTime issuedAt) {
    }

    public record Revoked(String number, String licenceName, String caseId, String holderId, String holderName,
            String creditCode, String reason, OffsetDateTime revokedAt) {
    }
}
