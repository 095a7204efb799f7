package org.netmarket.items;

/** Item 8 网络市场税收贡献度: ecommerce_tax / total_tax in year Y. */
public final class EcommerceTaxShare extends YearlyShare {
    public EcommerceTaxShare() {
        super("tax", "ecommerce_tax_yuan", "total_tax_yuan", new Measures.Phrase("total tax", "税收总额"));
    }

    @Override
    public String id() {
        return "ecommerce_tax_share";
    }
}
