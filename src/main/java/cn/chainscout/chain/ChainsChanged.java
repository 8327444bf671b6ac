package cn.chainscout.chain;

/** Published when chains, the local-firm list or the carriers changed, so cached chain maps are dropped. */
public record ChainsChanged(String why) {
}
