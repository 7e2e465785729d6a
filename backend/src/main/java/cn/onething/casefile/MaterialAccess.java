package cn.onething.casefile;

import cn.onething.security.CurrentUser;

/**
 * Another feature that attaches uploads to its records (e.g. the photos of an inspection's findings) says
 * who may read them besides their owner, managers and the departments working the case.
 */
public interface MaterialAccess {

    boolean mayRead(CurrentUser user, String materialId);
}
