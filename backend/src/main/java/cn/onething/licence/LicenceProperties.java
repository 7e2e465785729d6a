package cn.onething.licence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the QR code of a licence points (the public verification page, `{number}` replaced) and the
 * CJK font its PDF embeds: a TrueType (glyf) collection with Latin letters too, by PostScript name (default WenQuanYi Micro Hei
 * of the Debian package fonts-wqy-microhei; bin/start, bin/test and the backend image install it).
 */
@ConfigurationProperties("onething.licence")
record LicenceProperties(@DefaultValue("http://localhost:5173/verify/{number}") String verifyUrl,
        @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") String font,
        @DefaultValue("WenQuanYiMicroHei") String fontName) {

    String verifyUrl(String number) {
        return verifyUrl.replace("{number}", number);
    }
}
