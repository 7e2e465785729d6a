package cn.onething.modeler;

/**
 * One thing wrong with a model, on the element the editor marks (null: the whole model). An error stops a
 * deployment; a warning may be overridden with a reason.
 */
public record ModelProblem(String elementId, Severity severity, String rule, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    static ModelProblem error(String elementId, String rule, String message) {
        return new ModelProblem(elementId, Severity.ERROR, rule, message);
    }

    static ModelProblem warning(String elementId, String rule, String message) {
        return new ModelProblem(elementId, Severity.WARNING, rule, message);
    }
}
