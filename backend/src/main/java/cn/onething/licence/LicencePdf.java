package cn.onething.licence;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import cn.onething.ClockConfig;
import cn.onething.licence.LicenceViews.LicenceView;

/**
 * A licence as a one-page PDF: its particulars in Chinese (the CJK TrueType font is embedded as a subset,
 * so any reader shows it) and a QR code with the public verification URL.
 */
@Component
class LicencePdf {

    private static final float MARGIN = 56;
    private static final float QR_SIZE = 120;
    private static final int QR_PIXELS_PER_MODULE = 8;
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

    private final LicenceProperties properties;

    LicencePdf(LicenceProperties properties) {
        this.properties = properties;
    }

    byte[] render(LicenceView licence) {
        File fontFile = new File(properties.font());
        if (!fontFile.canRead()) {
            throw new IllegalStateException("the licence font " + fontFile + " is missing: install the Debian package "
                    + "fonts-wqy-microhei or set onething.licence.font to a TrueType (glyf) CJK font");
        }
        // the collection stays open until the document is saved: the font subset is read from it then
        try (TrueTypeCollection fonts = new TrueTypeCollection(fontFile); PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = fonts.getFontByName(properties.fontName());
            if (ttf == null) {
                throw new IllegalStateException(fontFile + " has no font named " + properties.fontName());
            }
            PDFont font = PDType0Font.load(doc, ttf, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(licence.licenceName() + " " + licence.number());
            info.setProducer("一件事联办平台");
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.setStrokingColor(RED);
                out.setLineWidth(2);
                out.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
                out.stroke();
                centered(out, font, 14, "电子证照", width, height - 100);
                centered(out, font, 26, licence.licenceName(), width, height - 140);

                float y = height - 210;
                for (Map.Entry<String, String> line : particulars(licence).entrySet()) {
                    y = field(out, font, line.getKey(), line.getValue(), y, width - 2 * MARGIN);
                }
                if (licence.status() == LicenceStatus.REVOKED) {
                    out.setNonStrokingColor(RED);
                    field(out, font, "撤销", "本证照已于 " + beijingDate(licence.revokedAt()) + " 撤销，原因："
                            + licence.revokedReason(), y - 10, width - 2 * MARGIN);
                    out.setNonStrokingColor(Color.BLACK);
                }

                PDImageXObject qr = LosslessFactory.createFromImage(doc,
                        qrCode(properties.verifyUrl(licence.number())));
                out.drawImage(qr, width - MARGIN - QR_SIZE, MARGIN + 30, QR_SIZE, QR_SIZE);
                text(out, font, 10, "扫码核验证照状态", width - MARGIN - QR_SIZE + 20, MARGIN + 16);
                text(out, font, 10, "本证照由一件事联办平台签发，与纸质证照具有同等效力。", MARGIN, MARGIN + 16);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> particulars(LicenceView l) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("证照编号", l.number());
        lines.put("持证主体", l.holderName());
        if (l.holderCreditCode() != null) {
            lines.put("统一社会信用代码", l.holderCreditCode());
        }
        if (l.scope() != null) {
            lines.put("许可范围", l.scope());
        }
        if (!l.replaces().isEmpty()) {
            lines.put("多证合一", "本证照整合了" + String.join("、", l.replaces()));
        }
        lines.put("有效期限", l.validFrom() + " 至 " + l.validUntil());
        lines.put("发证机关", l.departmentName());
        lines.put("发证日期", beijingDate(l.issuedAt()).toString());
        return lines;
    }

    private static LocalDate beijingDate(OffsetDateTime at) {
        return at.atZoneSameInstant(ClockConfig.BEIJING).toLocalDate();
    }

    /** A label and its value, the value wrapped within the width; returns where the next line starts. */
    private static float field(PDPageContentStream out, PDFont font, String label, String value, float y,
            float width) throws IOException {
        float size = 13;
        float labelWidth = 130;
        text(out, font, size, label + "：", MARGIN, y);
        for (String line : wrap(font, size, value, width - labelWidth)) {
            text(out, font, size, line, MARGIN + labelWidth, y);
            y -= size * 1.6f;
        }
        return y - 6;
    }

    /** Chinese has no spaces to break at: lines break at any character that would overflow. */
    private static List<String> wrap(PDFont font, float size, String value, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(value.codePointAt(i)));
            if (line.length() > 0 && font.getStringWidth(line + next) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(next);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void centered(PDPageContentStream out, PDFont font, float size, String text, float pageWidth,
            float y) throws IOException {
        text(out, font, size, text, (pageWidth - font.getStringWidth(text) / 1000 * size) / 2, y);
    }

    private static void text(PDPageContentStream out, PDFont font, float size, String text, float x, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static BufferedImage qrCode(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + content + " as a QR code", e);
        }
        int n = QR_PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(matrix.getWidth() * n, matrix.getHeight() * n,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, matrix.get(x / n, y / n) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
