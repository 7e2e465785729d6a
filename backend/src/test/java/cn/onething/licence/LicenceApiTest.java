package cn.onething.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.CaseFileService;
import cn.onething.testsupport.Api;
import cn.onething.testsupport.CaseItems;
import cn.onething.testsupport.EnterpriseApplication;
import cn.onething.testsupport.LicensedCase;
import cn.onething.testsupport.PlatformTest;

/** 电子证照 through the API: issued once per case, seen by its holder and departments, verified by anyone. */
@PlatformTest
class LicenceApiTest {

    @Autowired
    Api api;
    @Autowired
    Licences licences;
    @Autowired
    LicenceService licenceService;
    @Autowired
    CaseFileService cases;
    @Autowired
    BundleCatalog catalog;
    @LocalServerPort
    int port;

    @Test
    void aLicenceIsIssuedOnceAndSeenByItsHolderAndDepartmentsOnly() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise1");
        String number = issued.number();
        assertThat(number).matches("DZZZ-\\d{4}-\\d{6}-[2-9A-Z]{6}");
        assertThat(licences.issueFor(issued.caseId(), catalog.bundle(LicensedCase.BUNDLE).orElseThrow()))
                .as("a retried job issues nothing").isEmpty();

        JsonNode licence = api.get("enterprise1", "/api/licences/" + number).body();
        assertThat(licence.get("licenceName").asText()).isEqualTo("公共场所卫生许可证");
        assertThat(licence.get("holderName").asText()).isEqualTo("康宁口腔医院有限公司");
        assertThat(licence.get("holderCreditCode").asText()).isEqualTo(EnterpriseApplication.CREDIT_CODE);
        assertThat(licence.get("status").asText()).isEqualTo("VALID");
        assertThat(licence.get("departmentName").asText()).isEqualTo("卫生健康委");
        assertThat(licence.get("supervisorName").asText()).isEqualTo("卫生健康监督所");
        assertThat(LocalDate.parse(licence.get("validUntil").asText()))
                .isEqualTo(LocalDate.parse(licence.get("validFrom").asText()).plusYears(4).minusDays(1));
        assertThat(licence.get("replaces")).isEmpty();
        assertThat(licence.get("scope").asText()).isEqualTo("沐浴场所");

        assertThat(numbers("enterprise1")).contains(number);
        assertThat(numbers("enterprise2")).doesNotContain(number);
        assertThat(api.get("enterprise2", "/api/licences/" + number).status()).isEqualTo(404);
        assertThat(numbers("officer-health")).as("the issuing department").contains(number);
        assertThat(numbers("officer-hsupervision")).as("the supervising department").contains(number);
        assertThat(numbers("officer-police")).doesNotContain(number);
        assertThat(api.get("officer-police", "/api/licences/" + number).status()).isEqualTo(404);
        assertThat(numbers("manager1")).contains(number);
        assertThat(api.get(null, "/api/licences/" + number).status()).isEqualTo(401);

        JsonNode caseFile = api.get("enterprise1", "/api/cases/" + issued.caseId()).body();
        assertThat(CaseItems.texts(caseFile.get("timeline").findValues("message")))
                .contains("电子证照已签发：公共场所卫生许可证（证照编号 " + number + "）");
        assertThat(CaseItems.texts(api.get("enterprise1", "/api/notifications?size=200").body().get("items")
                .findValues("message"))).anyMatch(m -> m.contains(number) && m.contains("已签发"));
        assertThat(licenceService.heldLicence(holderId(issued.caseId()), LicensedCase.LICENCE)).isPresent();
    }

    @Test
    void anyoneVerifiesALicenceWithoutLoginAndLearnsNothingAboutItsHolder() {
        String number = LicensedCase.issue(api, "enterprise2").number();
        Api.Response verified = api.get(null, "/api/licences/" + number + "/verify");
        assertThat(verified.status()).isEqualTo(200);
        JsonNode body = verified.body();
        assertThat(body.get("status").asText()).isEqualTo("VALID");
        assertThat(body.get("licenceName").asText()).isEqualTo("公共场所卫生许可证");
        assertThat(body.get("departmentName").asText()).isEqualTo("卫生健康委");
        assertThat(body.get("message").asText()).startsWith("该证照真实有效");
        assertThat(iterable(body.fieldNames())).containsExactlyInAnyOrder("number", "licenceName", "departmentName",
                "status", "validFrom", "validUntil", "message");

        Api.Response unknown = api.get(null, "/api/licences/DZZZ-2026-000000-XXXXXX/verify");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aRevokedLicenceIsNoLongerHeldAndVerifiesAsRevoked() {
        LicensedCase.Issued issued = LicensedCase.issue(api, "enterprise2");
        String holder = holderId(issued.caseId());
        assertThat(licences.revokeAll(issued.caseId(), "经核查，经营场所面积与承诺不符")).containsExactly(issued.number());
        assertThat(licences.revokeAll(issued.caseId(), "again")).as("revoked once").isEmpty();

        JsonNode licence = api.get("enterprise2", "/api/licences/" + issued.number()).body();
        assertThat(licence.get("status").asText()).isEqualTo("REVOKED");
        assertThat(licence.get("revokedReason").asText()).isEqualTo("经核查，经营场所面积与承诺不符");
        JsonNode verified = api.get(null, "/api/licences/" + issued.number() + "/verify").body();
        assertThat(verified.get("status").asText()).isEqualTo("REVOKED");
        assertThat(verified.get("message").asText()).contains("撤销");
        assertThat(numbers("enterprise2", "REVOKED")).contains(issued.number());
        assertThat(numbers("enterprise2", "VALID")).doesNotContain(issued.number());
        assertThat(licenceService.heldLicence(holder, LicensedCase.LICENCE)).isNotEqualTo(Optional.of(issued.number()));
        assertThat(CaseItems.texts(api.get("enterprise2", "/api/cases/" + issued.caseId()).body().get("timeline")
                .findValues("type"))).contains("LICENCE_ISSUED", "LICENCE_REVOKED");
    }

    @Test
    void thePdfShowsTheLicenceInChineseWithAQrCodeOfItsVerificationUrl() throws Exception {
        String number = LicensedCase.issue(api, "enterprise1").number();
        HttpResponse<byte[]> pdf = download("enterprise1", number);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(download("enterprise2", number).statusCode()).isEqualTo(404);

        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("公共场所卫生许可证", "康宁口腔医院有限公司", "卫生健康委", number);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(qrCode(page)).isEqualTo("http://localhost:5173/verify/" + number);
        }
    }

    private String qrCode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private HttpResponse<byte[]> download(String user, String number) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/licences/" + number + "/pdf"))
                .header("Authorization", "Bearer " + Api.token(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<String> numbers(String user) {
        return numbers(user, null);
    }

    private List<String> numbers(String user, String status) {
        Api.Response r = api.get(user, "/api/licences?size=200" + (status == null ? "" : "&status=" + status));
        assertThat(r.status()).as("%s: %s", user, r.body()).isEqualTo(200);
        return CaseItems.texts(r.body().get("items").findValues("number"));
    }

    private String holderId(String caseId) {
        return cases.application(caseId).applicantId();
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
