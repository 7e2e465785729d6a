package cn.onething.notification;

import java.util.Optional;

/** The phone a message about a case reaches its applicant at (what they gave on the case's form). */
public interface ApplicantContacts {

    Optional<String> phoneFor(String caseId);
}
