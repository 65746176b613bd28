package org.centralis.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer of the bank, belonging to a home branch. Invariant: identifiers are stored
 * normalized ({@link IdentifierKind#normalize}) so that lookups are exact index matches.
 */
@Entity
@Table(name = "CUSTOMER")
@NamedQuery(
    name = "Customer.findByPhone",
    query = "SELECT c FROM Customer c WHERE c.phone = :value AND c.branchPath LIKE :scope")
@NamedQuery(
    name = "Customer.findByIdNumber",
    query = "SELECT c FROM Customer c WHERE c.idNumber = :value AND c.branchPath LIKE :scope")
@NamedQuery(
    name = "Customer.findByAccountNo",
    query =
        "SELECT c FROM Customer c JOIN c.accounts a WHERE a.accountNo = :value AND c.branchPath LIKE :scope")
public class Customer {

  @Id private Long id;

  @Column(name = "CUSTOMER_NO")
  private String customerNo;

  private String kind;
  private String name;

  @Enumerated(EnumType.STRING)
  private CustomerTier tier;

  @Column(name = "BRANCH_ID")
  private Long branchId;

  @Column(name = "BRANCH_PATH")
  private String branchPath;

  private String phone;

  @Column(name = "ID_TYPE")
  private String idType;

  @Column(name = "ID_NUMBER")
  private String idNumber;

  private String email;
  private String language;

  @OneToMany(mappedBy = "customer", fetch = FetchType.LAZY)
  @OrderBy("accountNo")
  private List<CustomerAccount> accounts = new ArrayList<>();

  @Version private int version;

  protected Customer() {}

  /** The plain value of one identifier; callers audit that they revealed it. */
  public String identifier(IdentifierKind kind, String accountNo) {
    return switch (kind) {
      case PHONE -> phone;
      case ID_NUMBER -> idNumber;
      case ACCOUNT_NO ->
          accounts.stream()
              .map(CustomerAccount::getAccountNo)
              .filter(a -> a.equals(accountNo))
              .findFirst()
              .orElse(null);
    };
  }

  public Long getId() {
    return id;
  }

  public String getCustomerNo() {
    return customerNo;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public CustomerTier getTier() {
    return tier;
  }

  public Long getBranchId() {
    return branchId;
  }

  public String getBranchPath() {
    return branchPath;
  }

  public String getPhone() {
    return phone;
  }

  public String getIdType() {
    return idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getEmail() {
    return email;
  }

  public String getLanguage() {
    return language;
  }

  public List<CustomerAccount> getAccounts() {
    return List.copyOf(accounts);
  }
}
