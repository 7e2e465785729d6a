package cn.onething.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.MaterialService;
import cn.onething.security.CurrentUser;

/** A complete, valid 出生一件事 application by a demo citizen, with its materials uploaded. */
public final class BirthApplication {

    /** A photo a department can read: a real PNG, large enough. */
    public static final byte[] PNG = png();

    private BirthApplication() {
    }

    /** A real one-page PDF; `title` makes each file different (the same file for two materials is refused). */
    public static byte[] pdf(String title) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(title);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("applicantName", "张三");
        form.put("applicantIdNumber", "110101199003070011");
        form.put("applicantPhone", "13800000001");
        form.put("relationship", "父亲");
        form.put("babyName", "张小宝");
        form.put("babyGender", "男");
        form.put("birthDate", "2026-09-01"); // before the clock-moving time-limit tests
        form.put("birthHospital", "市第一人民医院");
        form.put("motherName", "王丽");
        form.put("motherIdNumber", "110105199205120027");
        form.put("fatherName", "张三");
        form.put("fatherIdNumber", "110101199003070011");
        form.put("householdAddress", "北京市东城区东华门街道 1 号");
        form.put("residenceAddress", "北京市东城区东华门街道 1 号");
        form.put("bankAccount", "6222020200001234567");
        return form;
    }

    /** The application as the service layer takes it, materials uploaded through the service. */
    public static CaseFileService.SubmitCase viaServices(MaterialService materials, CurrentUser applicant) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : new String[] {"deliveryRecord", "parentsIdCards", "householdBook", "marriageCertificate"}) {
            ids.put(code, materials.upload(applicant, code + ".pdf", pdf(code)).id());
        }
        ids.put("babyPhoto", materials.upload(applicant, "baby.png", PNG).id());
        return new CaseFileService.SubmitCase("birth", form(), ids);
    }

    public static Map<String, String> uploadMaterials(Api api, String user) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : new String[] {"deliveryRecord", "parentsIdCards", "householdBook", "marriageCertificate"}) {
            ids.put(code, upload(api, user, code + ".pdf", pdf(code), MediaType.APPLICATION_PDF));
        }
        ids.put("babyPhoto", upload(api, user, "baby.png", PNG, MediaType.IMAGE_PNG));
        return ids;
    }

    public static String upload(Api api, String user, String name, byte[] content, MediaType type) {
        Api.Response r = api.upload(user, name, content, type);
        assertThat(r.status()).as("upload %s: %s", name, r.body()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    /** Files the application and returns the created case. */
    public static JsonNode submit(Api api, String user) {
        Api.Response r = api.post(user, "/api/cases",
                Map.of("bundleCode", "birth", "form", form(), "materials", uploadMaterials(api, user)));
        assertThat(r.status()).as("submit: %s", r.body()).isEqualTo(201);
        return r.body();
    }
}
