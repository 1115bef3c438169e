/** The record form and the labels of its fields per record type. */
package org.interlink.records.view;
