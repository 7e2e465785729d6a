package cn.onething.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import cn.onething.web.FieldError;

/**
 * 预审 of an upload's content: a department can open it. A PDF parses, has pages and no password; an image
 * decodes to the end and is large enough to read.
 */
final class Readability {

    /** Below this many pixels a side, a scan or photo cannot be read. */
    static final int MIN_IMAGE_SIDE = 100;
    // every pixel is decoded (a truncated or corrupt file fails) but only one in 8×8 is kept: a 40-megapixel
    // photo costs a few MB, not 160
    private static final int SUBSAMPLING = 8;

    private Readability() {
    }

    /** The problem with the file, or null when a department can read it. */
    static FieldError problem(String contentType, byte[] content) {
        return "application/pdf".equals(contentType) ? pdfProblem(content) : imageProblem(content);
    }

    private static FieldError pdfProblem(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() == 0) {
                return error("unreadable", "PDF 文件没有任何页面，请重新导出后上传", "the PDF has no pages");
            }
            return null;
        } catch (InvalidPasswordException e) {
            return error("encrypted", "PDF 文件设有打开密码，部门无法查看，请去除密码后上传",
                    "the PDF is password-protected");
        } catch (IOException e) {
            return error("unreadable", "PDF 文件已损坏或不完整，无法打开，请重新导出后上传",
                    "the PDF cannot be opened");
        }
    }

    private static FieldError imageProblem(byte[] content) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return unreadableImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(SUBSAMPLING, SUBSAMPLING, 0, 0);
                reader.read(0, param);
                if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
                    return error("tooSmall", "图片只有 " + width + "×" + height + " 像素，无法看清，请上传长宽至少 "
                            + MIN_IMAGE_SIDE + " 像素的清晰照片或扫描件",
                            "the image is " + width + "x" + height + " pixels; at least " + MIN_IMAGE_SIDE
                                    + " a side is needed");
                }
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on some corrupt data
            return unreadableImage();
        }
    }

    private static FieldError unreadableImage() {
        return error("unreadable", "图片已损坏或不完整，无法打开，请重新拍摄或扫描后上传", "the image cannot be decoded");
    }

    private static FieldError error(String rule, String zh, String en) {
        return new FieldError("file", rule, zh, en);
    }
}
