package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.TestServers;

/**
 * The realm's group tree is the catalog's department tree: a token's groups are department codes, and a lead's
 * sub-departments come from the catalog, so the two must not drift apart.
 */
class RealmDepartmentsTest {

    @Test
    void theRealmsGroupsAreTheDepartmentsWithTheSameParents() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(TestServers.projectRoot().resolve("keycloak/realm-onething.json").toFile());
        List<String> groups = new ArrayList<>();
        collect(realm.get("groups"), null, "", groups);

        List<String> departments = new BundleCatalog().departments().stream()
                .map(d -> d.code() + " under " + d.parent()).toList();
        assertThat(groups).containsExactlyInAnyOrderElementsOf(departments);
    }

    private static void collect(JsonNode groups, String parent, String parentPath, List<String> into) {
        if (groups == null) {
            return;
        }
        for (JsonNode group : groups) {
            String name = group.get("name").asText();
            String path = parentPath + "/" + name;
            assertThat(group.get("path").asText()).as("path of group %s", name).isEqualTo(path);
            into.add(name + " under " + parent);
            collect(group.get("subGroups"), name, path, into);
        }
    }
}
