package cn.onething.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import cn.onething.testsupport.BirthApplication;
import cn.onething.web.FieldError;

/** 预审: what a department cannot open is refused at upload, with what to do about it. */
class ReadabilityTest {

    @Test
    void aPdfMustOpenWithoutAPassword() throws IOException {
        byte[] pdf = BirthApplication.pdf("scan");
        assertThat(Readability.problem("application/pdf", pdf)).isNull();
        // cut before its page tree: what PDFBox cannot rebuild (it mends a file that only lost its end)
        assertThat(rule("application/pdf", Arrays.copyOf(pdf, 150))).isEqualTo("unreadable");
        assertThat(rule("application/pdf", "%PDF-1.4\n% not really".getBytes())).isEqualTo("unreadable");

        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.protect(new StandardProtectionPolicy("owner", "secret", new AccessPermission()));
            document.save(out);
            FieldError locked = Readability.problem("application/pdf", out.toByteArray());
            assertThat(locked.rule()).isEqualTo("encrypted");
            assertThat(locked.message()).contains("密码");
        }
    }

    @Test
    void anImageMustDecodeToTheEndAndBeLargeEnoughToRead() throws IOException {
        byte[] jpeg = image(800, 600, "jpg");
        assertThat(Readability.problem("image/jpeg", jpeg)).isNull();
        assertThat(Readability.problem("image/png", BirthApplication.PNG)).isNull();
        assertThat(rule("image/jpeg", Arrays.copyOf(jpeg, 200))).isEqualTo("unreadable");
        byte[] png = image(300, 300, "png");
        assertThat(rule("image/png", Arrays.copyOf(png, png.length / 2))).isEqualTo("unreadable");

        FieldError tiny = Readability.problem("image/png", image(40, 30, "png"));
        assertThat(tiny.rule()).isEqualTo("tooSmall");
        assertThat(tiny.message()).contains("40×30");
    }

    private static String rule(String type, byte[] content) {
        FieldError problem = Readability.problem(type, content);
        return problem == null ? null : problem.rule();
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // noise, so the compressed file is long enough to cut short
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (int) ((x * 7919L * y + x * 31L) & 0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
