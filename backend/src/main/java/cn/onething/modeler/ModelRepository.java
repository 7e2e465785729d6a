package cn.onething.modeler;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of deployments made from the modeler. */
@Repository
class ModelRepository {

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DeploymentRow(String processKey, int version, String processDefinitionId, String deploymentId,
            String deployedBy, OffsetDateTime deployedAt, String comment, String overrideReason) {
    }

    void insert(DeploymentRow r, String xml) {
        jdbc.sql("""
                insert into model_deployment (process_key, version, process_definition_id, deployment_id, deployed_by,
                                              deployed_at, comment, override_reason, xml)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.processKey(), r.version(), r.processDefinitionId(), r.deploymentId(), r.deployedBy(),
                        r.deployedAt(), r.comment(), r.overrideReason(), xml)
                .update();
    }

    List<DeploymentRow> ofProcess(String processKey) {
        return jdbc.sql("select * from model_deployment where process_key = ? order by version desc").param(processKey)
                .query((rs, n) -> new DeploymentRow(rs.getString("process_key"), rs.getInt("version"),
                        rs.getString("process_definition_id"), rs.getString("deployment_id"),
                        rs.getString("deployed_by"), rs.getObject("deployed_at", OffsetDateTime.class),
                        rs.getString("comment"), rs.getString("override_reason")))
                .list();
    }
}
