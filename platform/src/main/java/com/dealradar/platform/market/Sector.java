package com.dealradar.platform.market;

/**
 * Market sectors, one vocabulary for every service: companies are active in them (company-service) and regimes'
 * trigger rules name them (region-service, which reads a deal's parties' sectors from company-service). One enum, so
 * that the contract's single {@code Sector} schema cannot tell the two services apart. Constants are the wire values.
 */
public enum Sector {
    telecom_operator,
    cloud_provider,
    network_equipment,
    telecom_software,
    internet_platform,
    e_commerce,
    conglomerate,
    it_services,
    data_center,
    semiconductors,
    market_research,
    consumer_electronics,
    media,
    transport_logistics
}
