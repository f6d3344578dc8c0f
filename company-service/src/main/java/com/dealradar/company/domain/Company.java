package com.dealradar.company.domain;

import com.dealradar.platform.persistence.AuditedEntity;
import com.dealradar.platform.provenance.Source;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "company")
public class Company extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    /** {@link SearchText#fold folded} name: the sort key of the "name" order. */
    @Column(name = "sort_name", nullable = false, length = 200)
    public String sortName;

    @Column(name = "legal_name", length = 300)
    public String legalName;

    @ElementCollection
    @CollectionTable(name = "company_alias", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", length = 200, nullable = false)
    public List<String> aliases = new ArrayList<>();

    /** Folded name and aliases: what a name-prefix search matches. */
    @ElementCollection
    @CollectionTable(name = "company_search_term", joinColumns = @JoinColumn(name = "company_id"))
    public Set<SearchTerm> searchTerms = new HashSet<>();

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "headquarters_city", length = 100)
    public String headquartersCity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CompanyKind kind;

    @ElementCollection
    @CollectionTable(name = "company_sector", joinColumns = @JoinColumn(name = "company_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "sector", length = 40, nullable = false)
    public Set<Sector> sectors = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Ownership ownership;

    @ElementCollection
    @CollectionTable(name = "company_listing", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    public List<StockListing> listings = new ArrayList<>();

    @Column(length = 20, unique = true)
    public String lei;

    @Column(name = "wikidata_qid", length = 20, unique = true)
    public String wikidataQid;

    @Column(length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public CompanyStatus status = CompanyStatus.active;

    @ElementCollection
    @CollectionTable(name = "company_source", joinColumns = @JoinColumn(name = "company_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    public void rename(String newName, List<String> newAliases) {
        name = newName;
        sortName = SearchText.fold(newName);
        aliases.clear();
        aliases.addAll(newAliases);
        Set<SearchTerm> terms = new HashSet<>();
        terms.add(new SearchTerm(sortName, sortName));
        newAliases.forEach(alias -> terms.add(new SearchTerm(SearchText.fold(alias), sortName)));
        if (!terms.equals(searchTerms)) {
            searchTerms.clear();
            searchTerms.addAll(terms);
        }
    }
}
