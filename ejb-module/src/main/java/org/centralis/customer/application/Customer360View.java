package org.centralis.customer.application;

import java.util.List;

/**
 * The customer 360 (客户全景视图): the masked profile with accounts and products, the customer's
 * tickets the caller may see (the newest {@code tickets}, of {@code ticketCount}), and the open complaints.
 */
public record Customer360View(
    CustomerView profile, String branchName, String branchNameEn, List<CustomerTicket> tickets, long ticketCount, List<CustomerTicket> openComplaints) {}
