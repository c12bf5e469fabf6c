package dev.brokerwatch.dsl.ast;

/** One {@code expect} of a delivery test. */
public sealed interface DeliveryExpectation extends Node permits ReceiverExpectation, InhibitionExpectation {
}
