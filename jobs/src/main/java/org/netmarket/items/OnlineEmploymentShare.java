package org.netmarket.items;

/** Item 7 网络市场就业贡献度: online_market_employed / total_employed in year Y. */
public final class OnlineEmploymentShare extends YearlyShare {
    public OnlineEmploymentShare() {
        super("employment", "online_market_employed", "total_employed", new Measures.Phrase("total employment", "就业总人数"));
    }

    @Override
    public String id() {
        return "online_employment_share";
    }
}
