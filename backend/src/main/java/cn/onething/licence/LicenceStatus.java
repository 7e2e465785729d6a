package cn.onething.licence;

/** 有效, 已撤销, or 已过期 (valid until a day that has passed; read from the date, never stored). */
public enum LicenceStatus {
    VALID, REVOKED, EXPIRED
}
