package cn.onething.casefile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onething.casefile.MaterialStore.StoredMaterial;
import cn.onething.security.CurrentUser;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;
import cn.onething.web.PlainText;

/** One set of materials, uploaded once and shared by every item that needs it. */
@Service
public class MaterialService {

    private final MaterialStore store;
    private final Limits limits;
    private final Clock clock;
    // Looked up when needed: the features that attach materials use this service too.
    private final ObjectProvider<MaterialAccess> otherUses;

    MaterialService(MaterialStore store, Limits limits, Clock clock, ObjectProvider<MaterialAccess> otherUses) {
        this.otherUses = otherUses;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** What any upload must be; a bundle's material may ask for less. */
    @ConfigurationProperties("onething.materials")
    record Limits(List<String> accept, int maxSizeMb) {
    }

    public record Uploaded(String id, String filename, String contentType, long size, String sha256) {
    }

    @Transactional
    public Uploaded upload(CurrentUser owner, String filename, byte[] content) {
        if (content.length == 0) {
            throw new InvalidRequestException(new FieldError("file", "required", "请选择要上传的文件", "file is empty"));
        }
        String type = sniff(content);
        if (type == null || !limits.accept().contains(type)) {
            throw new InvalidRequestException(new FieldError("file", "contentType",
                    "只能上传 PDF、JPG 或 PNG 文件", "only PDF, JPEG or PNG files are accepted"));
        }
        if (content.length > limits.maxSizeMb() * 1024L * 1024L) {
            throw new InvalidRequestException(new FieldError("file", "maxSize",
                    "文件不能超过 " + limits.maxSizeMb() + " MB", "file must not exceed " + limits.maxSizeMb() + " MB"));
        }
        FieldError unreadable = Readability.problem(type, content);
        if (unreadable != null) {
            throw new InvalidRequestException(unreadable);
        }
        String name = displayName(filename);
        StoredMaterial m = new StoredMaterial(UUID.randomUUID().toString(), owner.id(), name, type, content.length,
                sha256(content), OffsetDateTime.now(clock));
        store.insert(m, content);
        return new Uploaded(m.id(), m.filename(), m.contentType(), m.size(), m.sha256());
    }

    /**
     * The name the upload is listed and downloaded under: the last segment of whatever path the
     * browser sent (「../../etc/passwd.pdf」 is 「passwd.pdf」), without control characters, at most 255
     * characters, plain text.
     */
    static String displayName(String filename) {
        String name = filename == null ? "" : filename.replaceAll("\\p{Cntrl}", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "material";
        }
        String rule = PlainText.violation(name);
        if (rule != null) {
            throw new InvalidRequestException(PlainText.error("filename", rule));
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /**
     * Which of these ids are not uploads of the user in one of the accepted types: another feature
     * (e.g. photos of an inspection's findings) refers to the user's own uploads only.
     */
    @Transactional(readOnly = true)
    public List<String> notOwned(CurrentUser user, java.util.Collection<String> ids, List<String> accept) {
        Map<String, StoredMaterial> found = store.find(ids);
        return ids.stream().filter(id -> {
            StoredMaterial m = found.get(id);
            return m == null || !m.ownerId().equals(user.id()) || !accept.contains(m.contentType());
        }).toList();
    }

    public record Download(String filename, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Download download(CurrentUser user, String id) {
        StoredMaterial m = store.find(List.of(id)).get(id);
        boolean allowed = m != null && (m.ownerId().equals(user.id()) || user.isManager()
                || user.isOfficer() && store.usedByDepartments(id, user.departments())
                || otherUses.stream().anyMatch(use -> use.mayRead(user, id)));
        if (!allowed) {
            throw new NotFoundException("没有这个材料：" + id);
        }
        return new Download(m.filename(), m.contentType(), store.content(id).orElseThrow());
    }

    /** The type the bytes say they are: the declared type is the client's word, not proof. */
    static String sniff(byte[] b) {
        if (b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "application/pdf";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
