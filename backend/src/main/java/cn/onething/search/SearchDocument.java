package cn.onething.search;

import java.time.Instant;
import java.util.List;

/**
 * One thing the search finds, as indexed (mapping: resources/search/index-template.json). `title`, `summary` and `text`
 * are what users read and what Chinese words match (smartcn); `names` (people's names, addresses) match but
 * are never returned; `keys` match exactly (case and licence numbers, credit codes, ID number tails);
 * `secrets` are keyed hashes of full ID numbers and phones. `ownerId` and `departments` decide who may see it.
 */
public record SearchDocument(String type, String id, String title, String summary, String text, List<String> names,
        List<String> keys, List<String> secrets, String caseId, String caseNumber, String bundleCode,
        String bundleName, String status, List<String> departments, String ownerId, Instant at) {

    /** The document's id in the index: one index holds every type. */
    public String documentId() {
        return documentId(type, id);
    }

    public static String documentId(String type, String id) {
        return type + ":" + id;
    }
}
