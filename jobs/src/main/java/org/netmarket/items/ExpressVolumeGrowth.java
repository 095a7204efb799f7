package org.netmarket.items;

/**
 * Item 5 快递业务同比增速: growth of express parcels for the recent years, each against the
 * published national express-volume growth rate.
 */
public final class ExpressVolumeGrowth extends GrowthAgainstNational {
    public ExpressVolumeGrowth() {
        super("express", "parcels", new Measures.Phrase("parcel volume", "快递业务量"));
    }

    @Override
    public String id() {
        return "express_volume_growth";
    }
}
