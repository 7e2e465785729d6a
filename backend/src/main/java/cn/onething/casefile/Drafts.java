package cn.onething.casefile;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.ModelledBundles;
import cn.onething.casefile.MaterialStore.StoredMaterial;
import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;

/**
 * 草稿: the application an applicant is filling in, saved as they go and resumed on any device until it is
 * filed. Only the bundle's own fields and materials are kept, and only the applicant's own uploads.
 */
@Service
public class Drafts {

    private final JdbcClient jdbc;
    private final FormJson forms;
    private final ModelledBundles modelled;
    private final MaterialStore materials;
    private final Clock clock;

    Drafts(JdbcClient jdbc, FormJson forms, ModelledBundles modelled, MaterialStore materials, Clock clock) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.modelled = modelled;
        this.materials = materials;
        this.clock = clock;
    }

    public record DraftInput(Map<String, String> form, Map<String, String> materials) {
    }

    /** An uploaded file of the draft, so that the form shows what was chosen. */
    public record DraftUpload(String id, String filename, String contentType, long size, String sha256) {
    }

    /** `savedAt` null: no draft. */
    public record Draft(Map<String, String> form, Map<String, DraftUpload> materials, OffsetDateTime savedAt) {
    }

    @Transactional(readOnly = true)
    public Draft of(CurrentUser applicant, String bundleCode) {
        bundleFor(applicant, bundleCode);
        return jdbc.sql("select form_data, materials, saved_at from application_draft where user_id = ? and bundle_code = ?")
                .params(applicant.id(), bundleCode)
                .query((rs, n) -> new Draft(forms.read(rs.getString(1)), uploads(applicant, forms.read(rs.getString(2))),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional().orElse(new Draft(Map.of(), Map.of(), null));
    }

    /** Keeps the answers so far; nothing is checked but that they belong to the bundle (the filing checks). */
    @Transactional
    public Draft save(CurrentUser applicant, String bundleCode, DraftInput input) {
        Bundle bundle = bundleFor(applicant, bundleCode);
        Map<String, String> form = input.form() == null ? Map.of() : input.form();
        Map<String, String> given = input.materials() == null ? Map.of() : input.materials();
        List<FieldError> errors = new ArrayList<>();
        form.forEach((code, value) -> {
            if (bundle.field(code).isEmpty()) {
                errors.add(new FieldError(code, "notAsked", "没有这一项：" + code, "not a field of this bundle"));
            } else if (value != null && value.length() > FormCheck.MAX_TEXT) {
                errors.add(new FieldError(code, "maxLength", bundle.field(code).orElseThrow().label() + "不能超过 "
                        + FormCheck.MAX_TEXT + " 个字", "at most " + FormCheck.MAX_TEXT + " characters"));
            }
        });
        Map<String, StoredMaterial> found = materials.find(given.values().stream().filter(v -> v != null).toList());
        given.forEach((code, id) -> {
            if (bundle.material(code).isEmpty()) {
                errors.add(new FieldError(code, "notAsked", "没有这份材料：" + code, "not a material of this bundle"));
            } else if (id == null || !found.containsKey(id) || !found.get(id).ownerId().equals(applicant.id())) {
                errors.add(new FieldError(code, "notFound", bundle.material(code).orElseThrow().name()
                        + "的文件不存在，请重新上传", "uploaded file not found"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> kept = new LinkedHashMap<>();
        form.forEach((code, value) -> {
            if (value != null) {
                kept.put(code, value);
            }
        });
        if (jdbc.sql("update application_draft set form_data = ?, materials = ?, saved_at = ? where user_id = ? and bundle_code = ?")
                .params(forms.write(kept), forms.write(given), now, applicant.id(), bundleCode).update() == 0) {
            jdbc.sql("insert into application_draft (user_id, bundle_code, form_data, materials, saved_at) values (?, ?, ?, ?, ?)")
                    .params(applicant.id(), bundleCode, forms.write(kept), forms.write(given), now).update();
        }
        return new Draft(kept, uploads(applicant, given), now);
    }

    /** Gone: the applicant starts afresh. */
    @Transactional
    public void discard(CurrentUser applicant, String bundleCode) {
        bundleFor(applicant, bundleCode);
        filed(applicant, bundleCode);
    }

    /** Gone: filed (in the submission's transaction, which has checked the bundle and the applicant). */
    void filed(CurrentUser applicant, String bundleCode) {
        jdbc.sql("delete from application_draft where user_id = ? and bundle_code = ?")
                .params(applicant.id(), bundleCode).update();
    }

    private Bundle bundleFor(CurrentUser applicant, String bundleCode) {
        Bundle bundle = modelled.latest(bundleCode).map(ModelledBundles.Latest::bundle)
                .orElseThrow(() -> new NotFoundException("没有这个一件事：" + bundleCode));
        CaseFileService.requireApplicantOf(bundle, applicant);
        return bundle;
    }

    private Map<String, DraftUpload> uploads(CurrentUser applicant, Map<String, String> given) {
        Map<String, StoredMaterial> found = materials.find(given.values());
        Map<String, DraftUpload> result = new LinkedHashMap<>();
        given.forEach((code, id) -> Optional.ofNullable(found.get(id)).filter(m -> m.ownerId().equals(applicant.id()))
                .ifPresent(m -> result.put(code, new DraftUpload(m.id(), m.filename(), m.contentType(), m.size(), m.sha256()))));
        return result;
    }
}
