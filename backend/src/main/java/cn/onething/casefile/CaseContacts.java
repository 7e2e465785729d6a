package cn.onething.casefile;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.onething.bundle.FieldType;
import cn.onething.notification.ApplicantContacts;

/** The case's applicant is reached at the first phone their form gives (联系电话). */
@Component
class CaseContacts implements ApplicantContacts {

    private final CaseFileService cases;

    CaseContacts(CaseFileService cases) {
        this.cases = cases;
    }

    @Override
    public Optional<String> phoneFor(String caseId) {
        return cases.formAndBundle(caseId).flatMap(filed -> filed.bundle().fields().stream()
                .filter(f -> f.type() == FieldType.PHONE).map(f -> filed.form().get(f.code()))
                .filter(phone -> phone != null && !phone.isBlank()).findFirst());
    }
}
