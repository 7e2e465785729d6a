package cn.onething.security;

/** An officer as the UI offers them to hand work to: who, and in which department. */
public record Colleague(String username, String name, String department, String departmentName) {
}
