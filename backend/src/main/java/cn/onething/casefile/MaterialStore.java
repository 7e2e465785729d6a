package cn.onething.casefile;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded files, kept in the database with their SHA-256 so nothing lives outside the source of truth. */
@Repository
class MaterialStore {

    private final JdbcClient jdbc;

    MaterialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredMaterial(String id, String ownerId, String filename, String contentType, long size, String sha256,
            OffsetDateTime uploadedAt) {
    }

    void insert(StoredMaterial m, byte[] content) {
        jdbc.sql("""
                insert into material (id, owner_id, filename, content_type, size_bytes, sha256, content, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.ownerId(), m.filename(), m.contentType(), m.size(), m.sha256(), content, m.uploadedAt())
                .update();
    }

    Map<String, StoredMaterial> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select id, owner_id, filename, content_type, size_bytes, sha256, uploaded_at
                from material where id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new StoredMaterial(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list().stream()
                .collect(Collectors.toMap(StoredMaterial::id, Function.identity()));
    }

    Optional<byte[]> content(String id) {
        return jdbc.sql("select content from material where id = ?").param(id).query(byte[].class).optional();
    }

    /** Whether an officer's department works a case that uses this material. */
    boolean usedByDepartments(String materialId, Collection<String> departments) {
        if (departments.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from case_material cm join case_item ci on ci.case_id = cm.case_id
                where cm.material_id = :id and ci.department in (:departments)""")
                .param("id", materialId)
                .param("departments", departments)
                .query(Long.class).single() > 0;
    }

    List<String> ownedBy(String ownerId) {
        return jdbc.sql("select id from material where owner_id = ?").param(ownerId).query(String.class).list();
    }
}
