package cn.onething.web;

import java.util.Set;

/**
 * Paging and sorting as the UI asks for it: page (0-based), size, sort property, order.
 * The sort property is checked against what the list allows, so it never reaches SQL unchecked.
 */
public record PageQuery(int page, int size, String sort, boolean ascending) {

    public static final int MAX_SIZE = 200;

    public static PageQuery of(Integer page, Integer size, String sort, String order, Set<String> sortable,
            String defaultSort, boolean defaultAscending) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new InvalidRequestException(new FieldError("page", "min", "页码不能小于 0", "page must be >= 0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidRequestException(new FieldError("size", "range",
                    "每页条数应在 1 到 " + MAX_SIZE + " 之间", "size must be between 1 and " + MAX_SIZE));
        }
        String by = sort == null || sort.isBlank() ? defaultSort : sort;
        if (!sortable.contains(by)) {
            throw new InvalidRequestException(new FieldError("sort", "oneOf",
                    "排序字段只能是 " + String.join("、", sortable), "sort must be one of " + sortable));
        }
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw new InvalidRequestException(new FieldError("order", "oneOf", "排序方向只能是 asc 或 desc",
                    "order must be asc or desc"));
        }
        return new PageQuery(p, s, by, order == null ? defaultAscending : order.equalsIgnoreCase("asc"));
    }

    public int offset() {
        return page * size;
    }
}
