package org.netmarket.items;

/**
 * Item 1 网上零售额同比增速: g(t) = online_retail(t)/online_retail(t-1) - 1 for the recent years,
 * each against the published national online-retail growth rate of t.
 */
public final class OnlineRetailGrowth extends GrowthAgainstNational {
    public OnlineRetailGrowth() {
        super("retail", "online_retail_yuan", Measures.ONLINE_RETAIL);
    }

    @Override
    public String id() {
        return "online_retail_growth";
    }
}
