package org.netmarket.extract;

import org.netmarket.rules.Reason;

/**
 * How the Chinese reasons name an extract: its Chinese name from its schema file, with the folder
 * name the data clerk delivers, e.g. {@code 零售额数据（retail）}.
 */
public final class ExtractLabel {
    private ExtractLabel() {
    }

    /** Why an item lacks an extract whose folder is absent: {@code retail was not delivered}, {@code 零售额数据（retail）未报送}. */
    public static Reason notDelivered(String extract) {
        return Reason.of(extract + " was not delivered", zh(extract) + "未报送");
    }

    /** The extract's Chinese label; an extract the catalog does not know is named by its folder only. */
    public static String zh(String extract) {
        return SchemaCatalog.EXTRACTS.contains(extract) ? zh(SchemaCatalog.bundled().get(extract)) : extract;
    }

    /** The Chinese label of an extract of any catalog, from its own schema: {@code 网络交易经营者名录（operators）}. */
    public static String zh(ExtractSchema schema) {
        return schema.titleZh() + "（" + schema.name() + "）";
    }

    /** The extract's Chinese name from its schema file ({@code 零售额数据}), or null for an extract the catalog does not know. */
    public static String titleZh(String extract) {
        return SchemaCatalog.EXTRACTS.contains(extract) ? SchemaCatalog.bundled().get(extract).titleZh() : null;
    }
}
