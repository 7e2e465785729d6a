package cn.onething.web;

import java.util.List;

/** One page of a list, with the total the UI needs for paging. */
public record PageResult<T>(List<T> items, long total) {
}
