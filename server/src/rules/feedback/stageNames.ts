/**
 * Reads a pipeline stage out of a job script's file name (`01_align.sh`, `train_resnet.sbatch`,
 * `step2.slurm`) and says whether one name reads as the stage after another: the evidence
 * `feedback/unchained-submit` uses when two sbatch calls share no file or variable.
 */

/** The stages a name can name, each with the words that name it (whole words of the file name). */
const STAGES: Record<string, RegExp> = {
  fetch: /^(download|fetch|prefetch|wget|fasterq|fastqdump|sradump)$/,
  prep: /^(preprocess|preprocessing|prep|prepare|preparation|clean|cleanup|qc|trim|trimming|fastqc|tokenize|tokenise|featurize|featurise)$/,
  align: /^(align|alignment|mapping|bwa|bowtie|bowtie2|star|hisat|hisat2|minimap|minimap2)$/,
  postalign: /^(sort|markdup|dedup|bqsr|recal)$/,
  call: /^(call|calling|callvariants|variants|haplotypecaller|genotype|genotyping|count|counts|quant|quantify|featurecounts|peaks|macs|macs2)$/,
  train: /^(train|training|finetune|fit|pretrain)$/,
  evaluate: /^(infer|inference|eval|evaluate|evaluation|predict|prediction|test|testing|score|scoring|validate|validation|benchmark)$/,
  simulate: /^(simulate|simulation|sim|production|equilibrate|equilibration)$/,
  analyze: /^(analyze|analyse|analysis|postprocess|postprocessing|post|plot|plots|plotting|visualize|visualise|summary|summarize|summarise|report)$/,
  merge: /^(merge|gather|combine|aggregate|collect|reduce|concat|concatenate|join)$/,
};

/** Which stage may follow which (earlier -> later). `merge` follows any other stage (see stageFollows). */
const NEXT: Record<string, string[]> = {
  fetch: ['prep', 'align', 'train', 'simulate'],
  prep: ['align', 'train', 'call', 'simulate'],
  align: ['postalign', 'call'],
  postalign: ['call'],
  train: ['evaluate', 'analyze'],
  evaluate: ['analyze'],
  simulate: ['analyze'],
  call: ['analyze'],
  merge: ['analyze'],
};

/** The words of a file name: folders and extension dropped, split at `_ - .`, camel case and digits. */
function nameWords(fileName: string): string[] {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.(sh|bash|sbatch|slurm|job|batch)$/i, '');
  return base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/(\d+)/g, ' $1 ')
    .toLowerCase()
    .split(/[\s_.\-]+/)
    .filter((w) => w !== '');
}

/** The stages a job script's file name names. */
export function stagesOf(fileName: string): Set<string> {
  const found = new Set<string>();
  for (const w of nameWords(fileName)) for (const [stage, re] of Object.entries(STAGES)) if (re.test(w)) found.add(stage);
  return found;
}

/** Number prefixes that mark steps: `step1`, `stage_2`, `03_...`. */
function stepNumber(fileName: string): { head: string; n: number; tail: string } | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.[A-Za-z]+$/, '').toLowerCase();
  const m = /^(step|stage|phase|part)?[-_]?(\d{1,3})(.*)$/.exec(base);
  if (!m) return undefined;
  return { head: m[1] ?? '', n: Number(m[2]), tail: m[3] };
}

/**
 * True when the later file name reads as the stage right after the earlier one: successive step
 * numbers (`step1.sh` -> `step2.sh`, `01_align.sh` -> `02_call.sh`), or named stages in pipeline
 * order (align -> call, train -> predict, preprocess -> train, simulate -> analyze, anything -> merge).
 * Returns a short description of the evidence (`align -> call`), or undefined.
 */
export function stageFollows(earlier: string, later: string): string | undefined {
  const a = stepNumber(earlier);
  const b = stepNumber(later);
  if (a && b && b.n === a.n + 1 && a.head === b.head && (a.head !== '' || a.tail !== b.tail)) return `step ${a.n} -> step ${b.n}`;
  const from = stagesOf(earlier);
  const to = stagesOf(later);
  for (const s of from) {
    for (const t of to) {
      if (from.has(t)) continue;
      if (NEXT[s]?.includes(t) || (t === 'merge' && s !== 'merge')) return `${s} -> ${t}`;
    }
  }
  // Gathering results after any other job: `sbatch run.sh ...; sbatch merge.sh`.
  if (to.has('merge') && !from.has('merge') && earlier !== later) return `-> ${[...to].join('/')}`;
  return undefined;
}
