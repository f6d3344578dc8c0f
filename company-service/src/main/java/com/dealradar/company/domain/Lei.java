package com.dealradar.company.domain;

import java.math.BigInteger;

/** ISO 17442 Legal Entity Identifier: 18 alphanumerics and two check digits (ISO 7064 MOD 97-10). */
public final class Lei {

    private Lei() {}

    public static boolean isValid(String lei) {
        if (lei == null || !lei.matches("[A-Z0-9]{18}[0-9]{2}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : lei.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
