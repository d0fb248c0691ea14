/** Main code, so that the module is not a checks module. */
package planted.testkit;
