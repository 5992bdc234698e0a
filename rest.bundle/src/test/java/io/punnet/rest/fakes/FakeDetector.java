package io.punnet.rest.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.punnet.detector.api.FailureDetector;
import io.punnet.detector.api.PeerAssessment;

/** Assessments set by hand. */
public final class FakeDetector implements FailureDetector {

    private final List<PeerAssessment> assessments = new ArrayList<>();

    public FakeDetector add(PeerAssessment assessment) {
        assessments.add(assessment);
        return this;
    }

    @Override
    public Optional<PeerAssessment> assess(String member) {
        return assessments.stream().filter(a -> a.member().equals(member)).findFirst();
    }

    @Override
    public List<PeerAssessment> assessAll() {
        return List.copyOf(assessments);
    }

    @Override
    public double threshold() {
        return 8.0;
    }

    @Override
    public long localPauses() {
        return 2;
    }
}
