package dev.moat.core.detect;

import java.util.List;

/**
 * The stable entity ids of DESIGN.md. Detector output, inventories and exposure counts use these
 * strings; custom detectors from config may add more.
 */
public final class Entities {
  public static final String CN_RESIDENT_ID = "CN_RESIDENT_ID";
  public static final String CN_RESIDENT_ID_15 = "CN_RESIDENT_ID_15";
  public static final String CN_MOBILE = "CN_MOBILE";
  public static final String CN_LANDLINE = "CN_LANDLINE";
  public static final String BANK_CARD = "BANK_CARD";
  public static final String CN_USCC = "CN_USCC";
  public static final String CN_ORG_CODE = "CN_ORG_CODE";
  public static final String CN_PASSPORT = "CN_PASSPORT";
  public static final String HK_MACAU_PERMIT = "HK_MACAU_PERMIT";
  public static final String TW_PERMIT = "TW_PERMIT";
  public static final String MAINLAND_TRAVEL_PERMIT = "MAINLAND_TRAVEL_PERMIT";
  public static final String HK_ID = "HK_ID";
  public static final String MACAU_ID = "MACAU_ID";
  public static final String TW_ID = "TW_ID";
  public static final String CN_PLATE = "CN_PLATE";
  public static final String EMAIL = "EMAIL";
  public static final String IPV4 = "IPV4";
  public static final String IPV6 = "IPV6";
  public static final String MAC = "MAC";
  public static final String IMEI = "IMEI";
  public static final String GPS = "GPS";
  public static final String CN_NAME = "CN_NAME";
  public static final String CN_ADDRESS = "CN_ADDRESS";
  public static final String BIRTH_DATE = "BIRTH_DATE";
  public static final String HEALTH = "HEALTH";
  public static final String FINANCIAL = "FINANCIAL";
  public static final String CREDENTIAL = "CREDENTIAL";
  public static final String SECRET_KEY = "SECRET_KEY";

  /** Every built-in id, in DESIGN.md order. */
  public static final List<String> ALL =
      List.of(
          CN_RESIDENT_ID,
          CN_RESIDENT_ID_15,
          CN_MOBILE,
          CN_LANDLINE,
          BANK_CARD,
          CN_USCC,
          CN_ORG_CODE,
          CN_PASSPORT,
          HK_MACAU_PERMIT,
          TW_PERMIT,
          MAINLAND_TRAVEL_PERMIT,
          HK_ID,
          MACAU_ID,
          TW_ID,
          CN_PLATE,
          EMAIL,
          IPV4,
          IPV6,
          MAC,
          IMEI,
          GPS,
          CN_NAME,
          CN_ADDRESS,
          BIRTH_DATE,
          HEALTH,
          FINANCIAL,
          CREDENTIAL,
          SECRET_KEY);

  private Entities() {}
}
