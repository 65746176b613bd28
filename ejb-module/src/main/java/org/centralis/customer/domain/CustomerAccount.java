package org.centralis.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A product the customer holds: a card, deposit, loan, wealth product (or a line, for telecoms). */
@Entity
@Table(name = "CUSTOMER_ACCOUNT")
public class CustomerAccount {

  @Id private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "CUSTOMER_ID")
  private Customer customer;

  @Column(name = "ACCOUNT_NO")
  private String accountNo;

  private String product;
  private String status;

  @Column(name = "OPENED_ON")
  private LocalDate openedOn;

  @Version private int version;

  protected CustomerAccount() {}

  public Long getId() {
    return id;
  }

  public String getAccountNo() {
    return accountNo;
  }

  public String getProduct() {
    return product;
  }

  public String getStatus() {
    return status;
  }

  public LocalDate getOpenedOn() {
    return openedOn;
  }
}
