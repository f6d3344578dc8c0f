package com.dealradar.company.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One name or alias a prefix search matches ({@link SearchText#fold folded}), with a copy of the company's sort name:
 * a prefix search sorted by name takes its first page from the prefix index alone (term range, sort name and company
 * id in the index) and reads only the companies it returns, instead of reading every matching company to sort them.
 * {@link Company#rename} writes both.
 */
@Embeddable
public class SearchTerm {

    @Column(name = "term", length = 200, nullable = false)
    public String term;

    @Column(name = "sort_name", length = 200, nullable = false)
    public String sortName;

    public SearchTerm() {}

    SearchTerm(String term, String sortName) {
        this.term = term;
        this.sortName = sortName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchTerm other && term.equals(other.term) && sortName.equals(other.sortName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, sortName);
    }
}
