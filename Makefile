# Conveniences over cargo; the README's two set-up commands do not need make.
SHARED ?= ../shared/corpus
ORBIT = cargo run --quiet --locked -p orbit --

.PHONY: eval
# Evaluate on the labelled development corpora and fail if a headline metric drops below
# the ratchet in eval/*.floor.toml.
eval:
	$(ORBIT) eval --labels $(SHARED)/dev.jsonl --countries $(SHARED)/country_labels.csv --floor eval/dev.floor.toml
	$(ORBIT) eval --labels $(SHARED)/june2024.jsonl --countries $(SHARED)/country_labels.csv --period 2024-06 --floor eval/june2024.floor.toml
	$(ORBIT) eval --labels eval/constructed.jsonl --floor eval/constructed.floor.toml
	$(ORBIT) eval --labels eval/realistic.jsonl --floor eval/realistic.floor.toml
	$(ORBIT) eval --labels eval/realistic2.jsonl --floor eval/realistic2.floor.toml
	$(ORBIT) eval --labels eval/realistic3.jsonl --floor eval/realistic3.floor.toml
	$(ORBIT) eval --labels eval/realistic4.jsonl --floor eval/realistic4.floor.toml
	$(ORBIT) eval --labels eval/realistic5.jsonl --floor eval/realistic5.floor.toml
	$(ORBIT) eval --labels eval/realistic6.jsonl --floor eval/realistic6.floor.toml
	$(ORBIT) eval --labels eval/realistic7.jsonl --floor eval/realistic7.floor.toml
	$(ORBIT) eval --labels eval/realistic8.jsonl --floor eval/realistic8.floor.toml
	$(ORBIT) eval --labels eval/realistic9.jsonl --floor eval/realistic9.floor.toml
	$(ORBIT) eval --labels eval/realistic10.jsonl --floor eval/realistic10.floor.toml
	$(ORBIT) eval --labels eval/realistic11.jsonl --floor eval/realistic11.floor.toml
	$(ORBIT) eval --labels eval/realistic12.jsonl --floor eval/realistic12.floor.toml
	$(ORBIT) eval --labels eval/realistic13.jsonl --floor eval/realistic13.floor.toml
	$(ORBIT) eval --labels eval/realistic14.jsonl --floor eval/realistic14.floor.toml
	$(ORBIT) eval --labels eval/realistic15.jsonl --floor eval/realistic15.floor.toml
	$(ORBIT) eval --labels eval/realistic16.jsonl --floor eval/realistic16.floor.toml
	$(ORBIT) eval --labels eval/realistic17.jsonl --floor eval/realistic17.floor.toml
	$(ORBIT) eval --labels eval/realistic18.jsonl --floor eval/realistic18.floor.toml
	$(ORBIT) eval --labels eval/realistic19.jsonl --floor eval/realistic19.floor.toml
	$(ORBIT) eval --labels eval/realistic20.jsonl --floor eval/realistic20.floor.toml
	$(ORBIT) eval --labels eval/realistic21.jsonl --floor eval/realistic21.floor.toml
	$(ORBIT) eval --labels eval/realistic22.jsonl --floor eval/realistic22.floor.toml
	$(ORBIT) eval --labels eval/realistic23.jsonl --floor eval/realistic23.floor.toml
	$(ORBIT) eval --labels eval/realistic24.jsonl --floor eval/realistic24.floor.toml
	$(ORBIT) eval --labels eval/realistic25.jsonl --floor eval/realistic25.floor.toml
	$(ORBIT) eval --labels eval/realistic26.jsonl --floor eval/realistic26.floor.toml
	$(ORBIT) eval --labels eval/realistic27.jsonl --floor eval/realistic27.floor.toml
	$(ORBIT) eval --labels eval/realistic28.jsonl --floor eval/realistic28.floor.toml
	$(ORBIT) eval --labels eval/realistic29.jsonl --floor eval/realistic29.floor.toml
	$(ORBIT) eval --labels eval/realistic30.jsonl --floor eval/realistic30.floor.toml
	$(ORBIT) eval --labels eval/realistic31.jsonl --floor eval/realistic31.floor.toml
	$(ORBIT) eval --labels eval/realistic32.jsonl --floor eval/realistic32.floor.toml
	$(ORBIT) eval --labels eval/realistic33.jsonl --floor eval/realistic33.floor.toml
	$(ORBIT) eval --labels eval/realistic34.jsonl --floor eval/realistic34.floor.toml
	$(ORBIT) eval --labels eval/realistic35.jsonl --floor eval/realistic35.floor.toml
	$(ORBIT) eval --labels eval/realistic36.jsonl --floor eval/realistic36.floor.toml
	$(ORBIT) eval --labels eval/realistic37.jsonl --floor eval/realistic37.floor.toml
	$(ORBIT) eval --labels eval/realistic38.jsonl --floor eval/realistic38.floor.toml
	$(ORBIT) eval --labels eval/realistic39.jsonl --floor eval/realistic39.floor.toml
	$(ORBIT) eval --labels eval/realistic40.jsonl --floor eval/realistic40.floor.toml
	$(ORBIT) eval --labels eval/realistic41.jsonl --floor eval/realistic41.floor.toml
	$(ORBIT) eval --labels eval/realistic42.jsonl --floor eval/realistic42.floor.toml
	$(ORBIT) eval --labels eval/realistic43.jsonl --floor eval/realistic43.floor.toml
	$(ORBIT) eval --labels eval/realistic44.jsonl --floor eval/realistic44.floor.toml
	$(ORBIT) eval --labels eval/realistic45.jsonl --floor eval/realistic45.floor.toml
	$(ORBIT) eval --labels eval/realistic46.jsonl --floor eval/realistic46.floor.toml
	$(ORBIT) eval --labels eval/realistic47.jsonl --floor eval/realistic47.floor.toml
	$(ORBIT) eval --labels eval/realistic48.jsonl --floor eval/realistic48.floor.toml
	$(ORBIT) eval --labels eval/realistic49.jsonl --floor eval/realistic49.floor.toml
	$(ORBIT) eval --labels eval/realistic50.jsonl --floor eval/realistic50.floor.toml
	$(ORBIT) eval --labels eval/realistic51.jsonl --floor eval/realistic51.floor.toml
	$(ORBIT) eval --labels eval/realistic52.jsonl --floor eval/realistic52.floor.toml
	$(ORBIT) eval --labels eval/realistic53.jsonl --floor eval/realistic53.floor.toml
	$(ORBIT) eval --labels eval/realistic54.jsonl --floor eval/realistic54.floor.toml
	$(ORBIT) eval --labels eval/realistic55.jsonl --floor eval/realistic55.floor.toml
	$(ORBIT) eval --labels eval/realistic56.jsonl --floor eval/realistic56.floor.toml
	$(ORBIT) eval --labels eval/realistic57.jsonl --floor eval/realistic57.floor.toml
	$(ORBIT) eval --labels eval/realistic58.jsonl --floor eval/realistic58.floor.toml
	$(ORBIT) eval --labels eval/realistic59.jsonl --floor eval/realistic59.floor.toml
	$(ORBIT) eval --labels eval/realistic60.jsonl --floor eval/realistic60.floor.toml
	$(ORBIT) eval --labels eval/realistic61.jsonl --floor eval/realistic61.floor.toml
	$(ORBIT) eval --labels eval/realistic62.jsonl --floor eval/realistic62.floor.toml
	$(ORBIT) eval --labels eval/realistic63.jsonl --floor eval/realistic63.floor.toml
	$(ORBIT) eval --labels eval/realistic64.jsonl --floor eval/realistic64.floor.toml
	$(ORBIT) eval --labels eval/realistic65.jsonl --floor eval/realistic65.floor.toml
	$(ORBIT) eval --labels eval/realistic66.jsonl --floor eval/realistic66.floor.toml
	$(ORBIT) eval --labels eval/realistic67.jsonl --floor eval/realistic67.floor.toml
	$(ORBIT) eval --labels eval/realistic68.jsonl --floor eval/realistic68.floor.toml
	$(ORBIT) eval --labels eval/realistic69.jsonl --floor eval/realistic69.floor.toml
	$(ORBIT) eval --labels eval/realistic70.jsonl --floor eval/realistic70.floor.toml
	$(ORBIT) eval --labels eval/realistic71.jsonl --floor eval/realistic71.floor.toml
	$(ORBIT) eval --labels eval/realistic72.jsonl --floor eval/realistic72.floor.toml
	$(ORBIT) eval --labels eval/realistic73.jsonl --floor eval/realistic73.floor.toml
	$(ORBIT) eval --labels eval/realistic74.jsonl --floor eval/realistic74.floor.toml
	$(ORBIT) eval --labels eval/realistic75.jsonl --floor eval/realistic75.floor.toml
	$(ORBIT) eval --labels eval/realistic76.jsonl --floor eval/realistic76.floor.toml
	$(ORBIT) eval --labels eval/realistic77.jsonl --floor eval/realistic77.floor.toml
	$(ORBIT) eval --labels eval/realistic78.jsonl --floor eval/realistic78.floor.toml
	$(ORBIT) eval --labels eval/realistic79.jsonl --floor eval/realistic79.floor.toml
	$(ORBIT) eval --labels eval/realistic80.jsonl --floor eval/realistic80.floor.toml
	$(ORBIT) eval --labels eval/realistic81.jsonl --floor eval/realistic81.floor.toml
	$(ORBIT) eval --labels eval/realistic82.jsonl --floor eval/realistic82.floor.toml
	$(ORBIT) eval --labels eval/realistic83.jsonl --floor eval/realistic83.floor.toml
	$(ORBIT) eval --labels eval/realistic84.jsonl --floor eval/realistic84.floor.toml
	$(ORBIT) eval --labels eval/realistic85.jsonl --floor eval/realistic85.floor.toml
	$(ORBIT) eval --labels eval/realistic86.jsonl --floor eval/realistic86.floor.toml
	$(ORBIT) eval --labels eval/realistic87.jsonl --floor eval/realistic87.floor.toml
	$(ORBIT) eval --labels eval/realistic88.jsonl --floor eval/realistic88.floor.toml
	$(ORBIT) eval --labels eval/realistic89.jsonl --floor eval/realistic89.floor.toml
	$(ORBIT) eval --labels eval/realistic90.jsonl --floor eval/realistic90.floor.toml
	$(ORBIT) eval --labels eval/realistic91.jsonl --floor eval/realistic91.floor.toml
	$(ORBIT) eval --labels eval/realistic92.jsonl --floor eval/realistic92.floor.toml
	$(ORBIT) eval --labels eval/realistic93.jsonl --floor eval/realistic93.floor.toml
	$(ORBIT) eval --labels eval/realistic94.jsonl --floor eval/realistic94.floor.toml
	$(ORBIT) eval --labels eval/multilingual.jsonl --floor eval/multilingual.floor.toml
