package com.dealradar.region.domain;

/** Certification and attestation schemes. Constants are the wire values. */
public enum CertificationScheme {
    /** BSI Cloud Computing Compliance Controls Catalogue, 2016 edition (published February 2016) */
    bsi_c5_2016("BSI C5:2016"),
    /** BSI C5, 2020 edition (published January 2020) */
    bsi_c5_2020("BSI C5:2020"),
    iso_iec_27001_2013("ISO/IEC 27001:2013"),
    iso_iec_27001_2022("ISO/IEC 27001:2022"),
    csa_star("CSA STAR"),
    /** a scheme the source does not name */
    other("Other or unnamed scheme");

    private final String displayName;

    CertificationScheme(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
