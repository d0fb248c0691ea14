package com.crossdock.paqtana.view;

/** Told, on the view's consumer thread, that the master inventory changed; must return at once. */
@FunctionalInterface
public interface InventoryChangeListener {

    void inventoryChanged();
}
