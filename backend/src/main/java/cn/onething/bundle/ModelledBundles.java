package cn.onething.bundle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bundles as the versions of their models have them: the catalog gives the defaults, a deployed version
 * may move an item to another department, promise other days, ask other fields and materials. A new case
 * gets the latest version; a running one keeps its own.
 */
@Service
// created early (controllers ask for it): the engine it pulls in must find the schema migrated already
@DependsOnDatabaseInitialization
public class ModelledBundles {

    private final BundleCatalog catalog;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    // a deployed version never changes: what it says is read once
    private final Map<String, Bundle> byDefinition = new ConcurrentHashMap<>();

    ModelledBundles(BundleCatalog catalog, RepositoryService repository, JdbcClient jdbc) {
        this.catalog = catalog;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The bundle as a new case gets it, with the version of the model that case starts on. */
    public record Latest(Bundle bundle, String processDefinitionId) {
    }

    public Optional<Latest> latest(String bundleCode) {
        // Read straight from the engine's table: through the engine's query API (a command, MyBatis building
        // the statement) this lookup cost a sixth of a submission; the statement itself is a fraction of a ms.
        return catalog.bundle(bundleCode).map(bundle -> {
            String latest = jdbc.sql("""
                    select ID_ from ACT_RE_PROCDEF where KEY_ = ? and TENANT_ID_ is null
                    order by VERSION_ desc limit 1""").param(bundle.process()).query(String.class).single();
            return new Latest(ofDefinition(bundle, latest), latest);
        });
    }

    /** The bundle as the given version of its model has it. */
    public Bundle ofDefinition(Bundle bundle, String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, id -> {
            BpmnModelInstance model = repository.getBpmnModelInstance(id);
            return bundle.withItems(bundle.items().stream()
                    .map(item -> ItemSettings.apply(model.getModelElementById(item.code()), item)).toList());
        });
    }
}
