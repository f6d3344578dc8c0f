package com.dealradar.company.domain;

/** Market sectors a company is active in. Constants are the wire values. */
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
