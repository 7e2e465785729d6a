package cn.onething.timelimit;

/** Where a running time limit stands: 正常, 预警 (near), 超期 (past), or stopped for a 补正. */
public enum Light {
    GREEN, YELLOW, RED, PAUSED
}
