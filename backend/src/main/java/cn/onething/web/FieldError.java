package cn.onething.web;

/**
 * One broken rule of a request: which field (a form field code, a material code or a body property),
 * which rule, and what to tell the user in Chinese and in English.
 */
public record FieldError(String field, String rule, String message, String messageEn) {
}
