/**
 * 以商招商: referrers (people, 商会, 协会, 中介, 基金, 高校院所, local firms) and their ties, warm
 * introduction paths from the home side to a target, and the project ledger that credits referrers.
 */
@NullMarked
package cn.chainscout.referral;

import org.jspecify.annotations.NullMarked;
