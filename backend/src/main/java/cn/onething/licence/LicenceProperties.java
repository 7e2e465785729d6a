package cn.onething.licence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the QR code of a licence points (the public verification page, `{number}` replaced) and the CJK
 * font its PDF embeds: a TrueType (glyf) collection that has Latin letters too, and the PostScript name of
 * the font in it. The default, WenQuanYi Micro Hei, is the Debian package fonts-wqy-microhei, which
 * bin/start, bin/test and the backend image install. (Noto CJK is CFF-based: PDFBox cannot embed it.)
 */
@ConfigurationProperties("onething.licence")
record LicenceProperties(@DefaultValue("http://localhost:5173/verify/{number}") String verifyUrl,
        @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") String font,
        @DefaultValue("WenQuanYiMicroHei") String fontName) {

    String verifyUrl(String number) {
        return verifyUrl.replace("{number}", number);
    }
}
